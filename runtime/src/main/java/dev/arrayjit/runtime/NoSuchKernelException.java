package dev.arrayjit.runtime;

import java.util.List;

/** A name that is not a kernel of the file; {@link #available()} lists the ones that are. */
public final class NoSuchKernelException extends IllegalArgumentException {
    private final String name;
    private final String file;
    private final List<String> available;

    public NoSuchKernelException(String name, String file, List<String> available) {
        super("no kernel named '" + name + "' in " + file);
        this.name = name;
        this.file = file;
        this.available = List.copyOf(available);
    }

    public String name() { return name; }
    public String file() { return file; }
    public List<String> available() { return available; }
}
