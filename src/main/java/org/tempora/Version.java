package org.tempora;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The one version number of the program, filled in by the build from pom.xml. */
public final class Version {
    private Version() {}

    private static final String VALUE = load();

    public static String get() { return VALUE; }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
