package org.tempora.cli;

/** Options that parse but do not make sense together; reported with exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) { super(message); }
}
