package org.tempora.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CancellationTokenTest {
    @Test
    void childIsCancelledWithItsParent() {
        CancellationToken run = new CancellationToken();
        CancellationToken child = run.child(), grandchild = child.child();
        assertFalse(grandchild.isCancelled());
        run.cancel();
        assertTrue(child.isCancelled());
        assertTrue(grandchild.isCancelled());
        assertThrows(CancelledException.class, grandchild::throwIfCancelled);
    }

    @Test
    void cancellingAChildLeavesTheParentRunning() {
        CancellationToken run = new CancellationToken();
        CancellationToken child = run.child(), sibling = run.child();
        child.cancel();
        assertTrue(child.isCancelled());
        assertFalse(run.isCancelled());
        assertFalse(sibling.isCancelled());
        assertDoesNotThrow(run::throwIfCancelled);
    }
}
