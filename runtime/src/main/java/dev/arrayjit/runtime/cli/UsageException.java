package dev.arrayjit.runtime.cli;

/** A mistake in how the CLI was called: exit code 2, the message on stderr, no stack trace. */
final class UsageException extends Exception {
    UsageException(String message) { super(message, null, false, false); }
}
