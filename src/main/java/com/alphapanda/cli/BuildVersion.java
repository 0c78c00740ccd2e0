package com.alphapanda.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version written into {@code META-INF/build-info.properties} by the build. */
final class BuildVersion implements CommandLine.IVersionProvider {

    static String current() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("build.version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Alpha Panda " + current(), "Java " + Runtime.version()};
    }
}
