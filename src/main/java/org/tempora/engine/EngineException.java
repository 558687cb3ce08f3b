package org.tempora.engine;

/** An engine could not produce frames; the message says why and what to do. */
public class EngineException extends Exception {
    public EngineException(String message) { super(message); }
    public EngineException(String message, Throwable cause) { super(message, cause); }
}
