package org.tempora.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.engine.Trajectory;
import org.tempora.engine.Trajectory.Sample;

class TrajectoryFileTest {
    @TempDir Path dir;

    @Test
    void writeThenReadGivesTheSamePathExactly() throws IOException {
        Trajectory path = CameraShake.random(11, 17.3);
        Path file = dir.resolve("path.csv");
        CameraShake.write(path, file);
        assertEquals(path, CameraShake.fromFile(file));
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("path.csv");
        Files.writeString(file, "old contents that are not a path\n");
        Trajectory path = CameraShake.linear(5, 30);
        CameraShake.write(path, file);
        assertEquals(path, CameraShake.fromFile(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void readsHeaderCommentsBlankLinesAndOtherSeparators() throws IOException {
        Path file = write("# my path\n\nt;x;y\n-0.5; 1; 2\n# halfway\n0\t3\t4\n0.5 , 5 , 6.5\n");
        assertEquals(new Trajectory(List.of(new Sample(-0.5, 1, 2), new Sample(0, 3, 4), new Sample(0.5, 5, 6.5))),
                CameraShake.fromFile(file));
    }

    @Test
    void twoColumnsMeanUniformTimesOverTheExposure() throws IOException {
        Path file = write("x,y\n0,0\n1,2\n2,4\n3,6\n4,8\n");
        List<Sample> s = CameraShake.fromFile(file).samples();
        assertEquals(5, s.size());
        double[] times = {-0.5, -0.25, 0, 0.25, 0.5};
        for (int i = 0; i < 5; i++) {
            assertEquals(times[i], s.get(i).t(), 1e-15);
            assertEquals(i, s.get(i).x(), 0);
            assertEquals(2 * i, s.get(i).y(), 0);
        }
    }

    @Test
    void nonNumericFieldNamesFileAndLine() throws IOException {
        Path file = write("t,x,y\n-0.5,0,0\n0,1,1\n0.5,one,2\n");
        TrajectoryFileException e = assertThrows(TrajectoryFileException.class, () -> CameraShake.fromFile(file));
        assertEquals(4, e.line());
        assertOneLineNaming(e, file, 4);
    }

    @Test
    void decreasingTimeNamesFileAndLine() throws IOException {
        Path file = write("# t x y\n-0.5,0,0\n0.2,1,1\n0.1,2,2\n");
        TrajectoryFileException e = assertThrows(TrajectoryFileException.class, () -> CameraShake.fromFile(file));
        assertOneLineNaming(e, file, 4);
        assertTrue(e.getMessage().contains("increase"), e.getMessage());
    }

    @Test
    void repeatedTimeIsRejected() throws IOException {
        Path file = write("-0.5,0,0\n-0.5,1,1\n");
        assertOneLineNaming(assertThrows(TrajectoryFileException.class, () -> CameraShake.fromFile(file)), file, 2);
    }

    @Test
    void tooFewSamplesNamesFileAndLastLine() throws IOException {
        Path file = write("t,x,y\n0,1,1\n");
        TrajectoryFileException e = assertThrows(TrajectoryFileException.class, () -> CameraShake.fromFile(file));
        assertOneLineNaming(e, file, 2);
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = write("");
        assertOneLineNaming(assertThrows(TrajectoryFileException.class, () -> CameraShake.fromFile(file)), file, 1);
    }

    @Test
    void wrongOrInconsistentColumnCountsAreRejected() throws IOException {
        Path four = write("0,1,2,3\n1,2,3,4\n");
        assertOneLineNaming(assertThrows(TrajectoryFileException.class, () -> CameraShake.fromFile(four)), four, 1);
        Path mixed = write("-0.5,0,0\n1,2\n");
        assertOneLineNaming(assertThrows(TrajectoryFileException.class, () -> CameraShake.fromFile(mixed)), mixed, 2);
    }

    @Test
    void nonFiniteNumbersAreRejected() throws IOException {
        Path file = write("-0.5,0,0\n0.5,NaN,0\n");
        assertOneLineNaming(assertThrows(TrajectoryFileException.class, () -> CameraShake.fromFile(file)), file, 2);
    }

    @Test
    void binaryFileIsRejectedAsNotText() throws IOException {
        Path file = dir.resolve("photo.jpg");
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, '\n'});
        TrajectoryFileException e = assertThrows(TrajectoryFileException.class, () -> CameraShake.fromFile(file));
        assertOneLineNaming(e, file, 1);
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void secondHeaderLineIsAnError() throws IOException {
        Path file = write("t,x,y\ntime,x,y\n-0.5,0,0\n0.5,1,1\n");
        assertOneLineNaming(assertThrows(TrajectoryFileException.class, () -> CameraShake.fromFile(file)), file, 2);
    }

    private int counter;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("case" + counter++ + ".csv");
        Files.writeString(file, text);
        return file;
    }

    private static void assertOneLineNaming(TrajectoryFileException e, Path file, int line) {
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith(file + ":" + line + ": "), m);
        assertEquals(line, e.line());
        assertEquals(file, e.file());
    }
}
