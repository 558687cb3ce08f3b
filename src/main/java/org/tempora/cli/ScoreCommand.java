package org.tempora.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import org.tempora.export.StagedDirectory;
import org.tempora.flow.EndPointError;
import org.tempora.flow.FloFile;
import org.tempora.flow.FlowField;
import org.tempora.image.UnreadablePhotoException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tempora.image.FrameFolder;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoReader;
import org.tempora.image.VideoFrames;
import org.tempora.metrics.VideoScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores generated frames against ground truth with the paper's metrics.",
                "Bidirectional PSNR (Eq. 6, direction chosen per pixel), bidirectional patch SSIM (40x40), and, with --photo, "
                + "blur consistency (the photo against the mean of the frames inside its exposure, known from the tempora.json of "
                + "a Tempora output; otherwise all frames).",
                "With --flow and --flow-reference instead: the mean end-point error between two Middlebury .flo files."})
final class ScoreCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--pred", paramLabel = "DIR", description = "Folder of generated frames (e.g. a 'tempora generate' output); needs --truth.")
    Path pred;

    @Option(names = "--truth", paramLabel = "DIR|VIDEO",
            description = "Ground truth, same frame count and size: a folder of frames, or a video (H.264 MP4/MOV, animated GIF).")
    Path truth;

    @Option(names = "--photo", paramLabel = "FILE", description = "The blurred photo, for blur consistency.")
    Path photo;

    @Option(names = "--json", description = "Print the scores as JSON.")
    boolean json;

    @Option(names = "--flow", paramLabel = "FILE.flo", description = "An optical flow (e.g. from 'tempora flow') to score instead of frames; needs --flow-reference.")
    Path flow;

    @Option(names = "--flow-reference", paramLabel = "FILE.flo", description = "The reference flow for --flow, same size.")
    Path flowReference;

    /** The frames inside the photo's exposure, read from a Tempora output's record; all frames otherwise. */
    private List<LinearImage> exposureFrames(List<LinearImage> frames) throws IOException {
        Path record = pred.resolve(StagedDirectory.MARKER);
        if (!Files.isRegularFile(record)) return frames;
        try {
            JsonArray list = JsonParser.parseString(Files.readString(record)).getAsJsonObject().getAsJsonArray("frames");
            if (list == null || list.size() != frames.size()) return frames;
            List<LinearImage> inside = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonObject f = list.get(i).getAsJsonObject();
                if (f.get("start").getAsDouble() >= -0.5 - 1e-9 && f.get("end").getAsDouble() <= 0.5 + 1e-9) inside.add(frames.get(i));
            }
            return inside.isEmpty() ? frames : inside;
        } catch (RuntimeException unreadable) {
            return frames; // a damaged record: score all frames, as for a plain folder
        }
    }

    @Override public Integer call() throws Exception {
        if (flow != null || flowReference != null) return scoreFlow();
        if (pred == null || truth == null) {
            throw new UsageException("give --pred and --truth to score frames, or --flow and --flow-reference to score an optical flow");
        }
        List<LinearImage> p = FrameFolder.read(pred);
        List<LinearImage> t = Files.isDirectory(truth) ? FrameFolder.read(truth) : VideoFrames.read(truth);
        if (p.size() != t.size()) {
            throw new UsageException(pred + " has " + p.size() + " frames but " + truth + " has " + t.size()
                    + ": generate with --frames " + t.size());
        }
        if (p.get(0).width() != t.get(0).width() || p.get(0).height() != t.get(0).height()) {
            throw new UsageException("frames are " + p.get(0).width() + "x" + p.get(0).height() + " but ground truth is "
                    + t.get(0).width() + "x" + t.get(0).height() + ": score frames of the same size");
        }
        LinearImage blurred = photo == null ? null : PhotoReader.read(photo).pixels();
        if (blurred != null && (blurred.width() != p.get(0).width() || blurred.height() != p.get(0).height()
                || blurred.channels() != p.get(0).channels())) {
            throw new UsageException("the photo is " + blurred.width() + "x" + blurred.height() + " with " + blurred.channels()
                    + " channel(s) but the frames are " + p.get(0).width() + "x" + p.get(0).height() + " with " + p.get(0).channels()
                    + ": give the photo the frames were generated from");
        }
        VideoScore score = VideoScore.of(p, t, blurred, exposureFrames(p));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("frames", p.size());
            o.addProperty("bidirectionalPsnr", score.bidirectionalPsnr());
            o.addProperty("pooledBidirectionalPsnr", score.pooledPsnr());
            o.addProperty("forwardPsnr", score.forwardPsnr());
            o.addProperty("bidirectionalSsim", score.bidirectionalSsim());
            if (blurred != null) o.addProperty("blurConsistencyPsnr", score.consistencyPsnr());
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(o));
        } else {
            out.printf(Locale.ROOT, "frames               %d%n", p.size());
            out.printf(Locale.ROOT, "bidirectional PSNR   %.2f dB%n", score.bidirectionalPsnr());
            out.printf(Locale.ROOT, "  pooled (ref. code) %.2f dB%n", score.pooledPsnr());
            out.printf(Locale.ROOT, "forward PSNR         %.2f dB%n", score.forwardPsnr());
            out.printf(Locale.ROOT, "bidirectional SSIM   %.4f%n", score.bidirectionalSsim());
            if (blurred != null) out.printf(Locale.ROOT, "blur consistency     %.2f dB%n", score.consistencyPsnr());
        }
        return ExitCode.OK;
    }

    /** Mean end-point error (Baker et al. 2011) over the pixels known in both files. */
    private int scoreFlow() throws IOException {
        if (flow == null || flowReference == null) throw new UsageException("--flow and --flow-reference go together: give both .flo files");
        if (pred != null || truth != null || photo != null) {
            throw new UsageException("--flow scores an optical flow: leave out --pred, --truth and --photo, which score frames");
        }
        FlowField estimate = readFlo(flow), reference = readFlo(flowReference);
        if (estimate.width() != reference.width() || estimate.height() != reference.height()) {
            throw new UsageException(flow + " is " + estimate.width() + "x" + estimate.height() + " but " + flowReference + " is "
                    + reference.width() + "x" + reference.height() + ": score flows of the same frames");
        }
        EndPointError.Result epe = EndPointError.of(estimate, reference);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("flowEndPointErrorPx", epe.mean());
            o.addProperty("pixels", epe.pixels());
            out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(o));
        } else {
            out.printf(Locale.ROOT, "pixels               %d%n", epe.pixels());
            out.printf(Locale.ROOT, "end-point error      %.4f px%n", epe.mean());
        }
        return ExitCode.OK;
    }

    private static FlowField readFlo(Path file) throws UnreadablePhotoException {
        try {
            return FloFile.read(file);
        } catch (NoSuchFileException e) {
            throw new UnreadablePhotoException(file + ": no such file");
        } catch (java.nio.file.FileSystemException e) {
            throw new UnreadablePhotoException(file + ": cannot be read" + (e.getReason() == null ? "" : " (" + e.getReason() + ")"), e);
        } catch (IOException e) {
            throw new UnreadablePhotoException(e.getMessage(), e);
        }
    }
}
