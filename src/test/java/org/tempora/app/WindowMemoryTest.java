package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowMemoryTest {
    private static final List<Rectangle2D> TWO_SCREENS = List.of(new Rectangle2D(0, 0, 1920, 1040), new Rectangle2D(1920, 0, 1280, 800));

    @Test void aPlaceThatFitsIsKept() {
        AppPreferences.Placement p = new AppPreferences.Placement(2000, 50, 1000, 700, false);
        assertEquals(Optional.of(p), WindowMemory.fit(p, TWO_SCREENS));
    }

    @Test void aWindowPartlyOffItsScreenIsMovedAndShrunkOntoIt() {
        AppPreferences.Placement p = new AppPreferences.Placement(2800, 600, 1400, 700, true);
        assertEquals(Optional.of(new AppPreferences.Placement(1920, 100, 1280, 700, true)), WindowMemory.fit(p, TWO_SCREENS));
    }

    @Test void aPlaceOnAScreenNoLongerAttachedIsDropped() {
        AppPreferences.Placement p = new AppPreferences.Placement(3300, 0, 800, 600, false);
        assertEquals(Optional.empty(), WindowMemory.fit(p, TWO_SCREENS));
    }
}
