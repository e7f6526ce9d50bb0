import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes N synthetic incidents over 20 years and many districts, for benchmarks, as a native
 * CSV. Deterministic (seed 20261130). Run with the JDK's single-file launcher:
 *
 * <pre>java src/bench/GenerateIncidents.java 1000000 target/bench/incidents-1m.csv</pre>
 *
 * The district names are spellings and aliases the gazetteer resolves (some deliberately not the
 * canonical name), so the import does real place resolution.
 *
 * <p>With a third argument, the path of the gazetteer migration, the places are instead EVERY
 * district of the gazetteer (canonical name and province name, read from its {@code INSERT INTO
 * province} and {@code INSERT INTO district} rows), uniformly, so that aggregates by district
 * have every district (the file is then a different one; without the argument it is byte for
 * byte what it was):
 *
 * <pre>java src/bench/GenerateIncidents.java 1000000 target/bench/incidents-all-1m.csv sql/V2__gazetteer.sql</pre>
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
        List<String[]> places = args.length > 2 ? gazetteer(Path.of(args[2])) : PLACES;
        Random rnd = new Random(20261130L);
        LocalDate start = LocalDate.of(2006, 1, 1);
        int days = 20 * 365;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("external_id,date,province,district,event_type,actor,killed,killed_civilians,"
                    + "killed_security_forces,killed_militants,injured,source,notes\n");
            for (int i = 0; i < n; i++) {
                String[] place = places.get(rnd.nextInt(places.size()));
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

    /** {province name, district name} of every district in the gazetteer migration. */
    static List<String[]> gazetteer(Path sql) throws IOException {
        Map<String, String> provinces = new HashMap<>();
        List<String[]> districts = new ArrayList<>();
        String section = "";
        Pattern row = Pattern.compile("^\\s*\\('([^']*)', '((?:[^']|'')*)'(?:, '([^']*)')?");
        for (String line : Files.readAllLines(sql, StandardCharsets.UTF_8)) {
            if (line.startsWith("INSERT INTO")) {
                section = line.split(" ")[2];
                continue;
            }
            Matcher m = row.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (section.equals("province")) {
                provinces.put(m.group(1), m.group(2).replace("''", "'"));
            } else if (section.equals("district")) {
                districts.add(new String[] {m.group(3), m.group(2).replace("''", "'")});
            }
        }
        for (String[] d : districts) {
            d[0] = provinces.get(d[0]);
            if (d[0] == null || d[1].contains(",")) {
                throw new IllegalStateException("unexpected gazetteer row: " + String.join(" / ", d));
            }
        }
        if (districts.isEmpty()) {
            throw new IllegalStateException("no districts in " + sql);
        }
        return districts;
    }
}
