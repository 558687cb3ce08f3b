package org.tempora.simulate;

import org.tempora.io.AtomicFiles;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tempora.engine.Trajectory;

/**
 * Plain-text camera paths: one sample per line, {@code t,x,y} (or {@code x,y} with uniform times
 * over [-0.5, 0.5]); commas, semicolons, tabs or spaces separate fields; blank lines and lines
 * starting with '#' are skipped; one non-numeric header line is allowed before the first sample.
 */
final class TrajectoryFile {
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

    private TrajectoryFile() {}

    static Trajectory read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int columns = 0;
        int lineNo = 0;
        boolean headerAllowed = true;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String text = line.strip();
                if (lineNo == 1 && text.startsWith("\uFEFF")) text = text.substring(1).strip(); // byte-order mark from spreadsheet exports
                if (text.isEmpty() || text.startsWith("#")) continue;
                String[] fields = SEPARATORS.split(text);
                double[] values = parse(fields);
                if (values == null) {
                    if (headerAllowed && text.chars().anyMatch(Character::isLetter)) {
                        headerAllowed = false;
                        continue;
                    }
                    throw new TrajectoryFileException(file, lineNo, "expected numbers, found \"" + abbreviate(text) + "\"");
                }
                headerAllowed = false;
                for (double v : values) {
                    if (!Double.isFinite(v)) throw new TrajectoryFileException(file, lineNo, "not a finite number: \"" + abbreviate(text) + "\"");
                }
                if (values.length != 2 && values.length != 3) {
                    throw new TrajectoryFileException(file, lineNo, "expected 3 fields t,x,y or 2 fields x,y, found " + values.length);
                }
                if (columns == 0) columns = values.length;
                if (values.length != columns) {
                    throw new TrajectoryFileException(file, lineNo, "expected " + columns + " fields like the lines above, found " + values.length);
                }
                if (columns == 3 && !rows.isEmpty() && values[0] <= rows.get(rows.size() - 1)[0]) {
                    throw new TrajectoryFileException(file, lineNo, "times must increase strictly, t=" + values[0] + " follows t=" + rows.get(rows.size() - 1)[0]);
                }
                rows.add(values);
            }
        } catch (CharacterCodingException e) {
            // The reader decodes ahead of the lines it returns, so the bad bytes are here or a little further on.
            throw new TrajectoryFileException(file, lineNo + 1, "not UTF-8 text (at or after this line); is it a text file?");
        }
        if (rows.size() < 2) {
            throw new TrajectoryFileException(file, Math.max(1, lineNo), "a trajectory needs at least 2 samples, found " + rows.size());
        }
        List<Trajectory.Sample> samples = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            samples.add(columns == 3
                    ? new Trajectory.Sample(r[0], r[1], r[2])
                    : new Trajectory.Sample(CameraShake.uniformTime(i, rows.size()), r[0], r[1]));
        }
        return new Trajectory(samples);
    }

    /** Writes through a temporary file in the same folder, then moves it into place, so readers never see half a file. */
    static void write(Trajectory path, Path file) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write("# camera path: t in normalised exposure time [-0.5, 0.5], x right and y down in pixels\n");
                out.write("t,x,y\n");
                for (Trajectory.Sample s : path.samples()) {
                    // Double.toString is the shortest text that parses back to the same double.
                    out.write(s.t() + "," + s.x() + "," + s.y() + "\n");
                }
            }
        });
    }

    /** The fields as numbers, or null if any does not parse. */
    private static double[] parse(String[] fields) {
        double[] v = new double[fields.length];
        for (int i = 0; i < fields.length; i++) {
            try {
                v[i] = Double.parseDouble(fields[i]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return v;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
