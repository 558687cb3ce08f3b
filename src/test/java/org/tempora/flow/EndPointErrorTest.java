package org.tempora.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndPointErrorTest {
    @Test
    void meanOfEuclideanDifferences() {
        // (3, 4) against still: 5 px everywhere
        EndPointError.Result r = EndPointError.of(FlowField.uniform(4, 3, 3, 4), FlowField.uniform(4, 3, 0, 0));
        assertEquals(5.0, r.mean(), 1e-12);
        assertEquals(12, r.pixels());
        // one pixel off by (1, 0), three exact: 0.25
        FlowField a = FlowField.uniform(2, 2, 1, 1), b = FlowField.uniform(2, 2, 1, 1);
        b.u()[3] = 2;
        assertEquals(0.25, EndPointError.of(a, b).mean(), 1e-12);
    }

    @Test
    void maskAndUnknownPixelsAreLeftOut() {
        FlowField a = FlowField.uniform(3, 1, 0, 0), b = FlowField.uniform(3, 1, 0, 0);
        b.u()[0] = 1e10f; // Middlebury unknown
        b.v()[1] = Float.NaN;
        b.u()[2] = 2;
        EndPointError.Result r = EndPointError.of(a, b);
        assertEquals(1, r.pixels());
        assertEquals(2.0, r.mean(), 1e-12);
        assertTrue(Double.isNaN(EndPointError.of(a, b, new boolean[] {true, true, false}).mean()));
        assertThrows(IllegalArgumentException.class, () -> EndPointError.of(a, FlowField.uniform(1, 3, 0, 0)));
    }

    @Test
    void interiorLeavesOutTheBorder() {
        boolean[] m = EndPointError.interior(5, 4, 1);
        int n = 0;
        for (boolean b : m) if (b) n++;
        assertEquals(3 * 2, n);
        assertTrue(m[1 * 5 + 1] && !m[0] && !m[3 * 5 + 4]);
    }
}
