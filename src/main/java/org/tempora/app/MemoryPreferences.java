package org.tempora.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.prefs.AbstractPreferences;

/**
 * A preferences node held in memory only: a window that must not remember anything between runs (tests, a second
 * window) gets one of these instead of the user's node, so it can never change what the user's window remembers.
 */
public final class MemoryPreferences extends AbstractPreferences {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, MemoryPreferences> children = new LinkedHashMap<>();

    /** A new, empty root node. */
    public MemoryPreferences() { this(null, ""); }

    private MemoryPreferences(MemoryPreferences parent, String name) { super(parent, name); }

    @Override protected void putSpi(String key, String value) { values.put(key, value); }
    @Override protected String getSpi(String key) { return values.get(key); }
    @Override protected void removeSpi(String key) { values.remove(key); }
    @Override protected void removeNodeSpi() {
        if (parent() instanceof MemoryPreferences p) p.children.remove(name());
    }
    @Override protected String[] keysSpi() { return values.keySet().toArray(String[]::new); }
    @Override protected String[] childrenNamesSpi() { return children.keySet().toArray(String[]::new); }
    @Override protected AbstractPreferences childSpi(String name) {
        return children.computeIfAbsent(name, n -> new MemoryPreferences(this, n));
    }
    @Override protected void syncSpi() { /* nothing is stored outside this object */ }
    @Override protected void flushSpi() { /* nothing is stored outside this object */ }
}
