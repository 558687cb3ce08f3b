package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.tempora.classical.ClassicalEngine;
import org.tempora.image.LinearImage;
import org.tempora.image.Photo;
import org.tempora.image.PhotoMetadata;
import org.junit.jupiter.api.Test;

/** The reason the window gives for greying "Full-resolution detail", by photo size, without a window. */
class FullDetailReasonTest {
    private static Photo grey(int w, int h) {
        return new Photo(Path.of("grey.png"), new LinearImage(w, h, new float[][] {new float[w * h]}), 8, "PNG", PhotoMetadata.empty(), List.of());
    }

    @Test
    void aTallNarrowPhotoJustOverOneMegapixelIsNotSaidToBeWorkedAtFullSize() {
        // 200 x 5010: the working size keeps all 200 columns but only 5005 of the rows
        String why = SessionModel.whyNoFullDetail(new ClassicalEngine(), grey(200, 5010));
        assertTrue(why.contains("its blur is estimated at 1 megapixel, too close to its own size"), why);
    }

    @Test
    void aPhotoOfOneMegapixelOrLessIsWorkedAtFullSizeAndALargeOneTakesThePass() {
        String why = SessionModel.whyNoFullDetail(new ClassicalEngine(), grey(1000, 1000));
        assertTrue(why.contains("already estimated and removed at full size"), why);
        assertEquals("", SessionModel.whyNoFullDetail(new ClassicalEngine(), grey(1500, 1000)));
    }
}
