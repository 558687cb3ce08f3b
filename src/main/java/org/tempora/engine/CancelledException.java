package org.tempora.engine;

/** The user cancelled a run; nothing was written. */
public class CancelledException extends Exception {
    public CancelledException() { super("cancelled"); }
}
