package org.militrend;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.militrend.ingest.ImportCommand;

/**
 * Starts the service, or with {@code import FILE --format F} runs one import from the command
 * line through the same import code and exits.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("import")) {
            // a command-line import serves no HTTP and loads no demo data
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("militrend.demo-data", "false");
            try {
                Quarkus.run(ImportCommand.class, args);
            } finally {
                System.clearProperty("quarkus.http.host-enabled");
                System.clearProperty("militrend.demo-data");
            }
        } else {
            Quarkus.run(args);
        }
    }
}
