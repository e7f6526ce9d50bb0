import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Writes N synthetic incidents over 20 years and many districts, for benchmarks, as a native
 * CSV. Deterministic (seed 20261130). Run with the JDK's single-file launcher:
 *
 * <pre>java src/bench/GenerateIncidents.java 1000000 target/bench/incidents-1m.csv</pre>
 *
 * The district names are spellings and aliases the gazetteer resolves (some deliberately not the
 * canonical name), so the import does real place resolution.
 */
public class GenerateIncidents {

    static final List<String[]> PLACES = List.of(
            new String[] {"KPK", "Bannu"}, new String[] {"KPK", "D.I. Khan"}, new String[] {"KPK", "Peshawar"},
            new String[] {"FATA", "North Waziristan Agency"}, new String[] {"FATA", "South Waziristan"},
            new String[] {"KPK", "Khyber"}, new String[] {"KPK", "Kurram"}, new String[] {"KPK", "Swat"},
            new String[] {"KPK", "Lakki Marwat"}, new String[] {"KPK", "Tank"}, new String[] {"KPK", "Hangu"},
            new String[] {"KPK", "Kohat"}, new String[] {"KPK", "Mardan"}, new String[] {"KPK", "Charsadda"},
            new String[] {"KPK", "Nowshera"}, new String[] {"KPK", "Bajaur"}, new String[] {"KPK", "Mohmand"},
            new String[] {"KPK", "Orakzai"}, new String[] {"Balochistan", "Quetta"},
            new String[] {"Baluchistan", "Kech"}, new String[] {"Balochistan", "Gwadar"},
            new String[] {"Balochistan", "Mastung"}, new String[] {"Balochistan", "Khuzdar"},
            new String[] {"Balochistan", "Panjgur"}, new String[] {"Balochistan", "Kalat"},
            new String[] {"Balochistan", "Zhob"}, new String[] {"Punjab", "Lahore"},
            new String[] {"Punjab", "Rawalpindi"}, new String[] {"Punjab", "D.G Khan"},
            new String[] {"Sindh", "Karachi"}, new String[] {"Sindh", "Hyderabad"},
            new String[] {"Capital", "Islamabad"}, new String[] {"KPK", ""});

    static final List<String> TYPES = List.of("Attack", "Suicide bombing", "IED", "Armed clash", "Targeted killing");
    static final List<String> ACTORS = List.of("TTP", "BLA", "ISKP", "Security forces", "Unknown");

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Random rnd = new Random(20261130L);
        LocalDate start = LocalDate.of(2006, 1, 1);
        int days = 20 * 365;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("external_id,date,province,district,event_type,actor,killed,killed_civilians,"
                    + "killed_security_forces,killed_militants,injured,source,notes\n");
            for (int i = 0; i < n; i++) {
                String[] place = PLACES.get(rnd.nextInt(PLACES.size()));
                int civ = rnd.nextInt(4);
                int sf = rnd.nextInt(3);
                int mil = rnd.nextInt(3);
                String injured = rnd.nextInt(20) == 0 ? "" : Integer.toString(rnd.nextInt(12));
                w.write("gen-" + i + "," + start.plusDays(rnd.nextInt(days)) + "," + place[0] + "," + place[1] + ","
                        + TYPES.get(rnd.nextInt(TYPES.size())) + "," + ACTORS.get(rnd.nextInt(ACTORS.size())) + ","
                        + (civ + sf + mil) + "," + civ + "," + sf + "," + mil + "," + injured
                        + ",Synthetic benchmark data,\n");
            }
        }
    }
}
