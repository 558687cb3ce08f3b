package org.tempora.timeline;

/** A frame plan the user asked for that cannot be built; the message says what to change. */
public class InvalidPlanException extends IllegalArgumentException {
    public InvalidPlanException(String message) { super(message); }
}
