import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>With a fourth argument {@code acled}, the file is instead in the shape of ACLED's export
 * narrowed to Pakistan (import it with {@code --format acled}): the same districts, 2006-2025,
 * ACLED's event and sub-event types, 48 actors drawn with Zipf-like weights (a few groups
 * dominate, as in the real file), day/week/month time precision, fatalities without an injured
 * column (so injured is unknown everywhere), coordinates and notes. This is the scale run's
 * store (issue 11):
 *
 * <pre>java src/bench/GenerateIncidents.java 2400000 target/bench/acled-all-2400000.csv sql/V2__gazetteer.sql acled</pre>
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
        if (args.length > 3 && args[3].equals("acled")) {
            writeAcled(n, out, places, rnd);
            return;
        }
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

    /** ACLED's event types with the sub-event types militancy data holds, as {type, sub-event type}. */
    static final List<String[]> ACLED_EVENTS = List.of(
            new String[] {"Battles", "Armed clash"},
            new String[] {"Battles", "Government regains territory"},
            new String[] {"Battles", "Non-state actor overtakes territory"},
            new String[] {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
            new String[] {"Explosions/Remote violence", "Suicide bomb"},
            new String[] {"Explosions/Remote violence", "Grenade"},
            new String[] {"Explosions/Remote violence", "Air/drone strike"},
            new String[] {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
            new String[] {"Violence against civilians", "Attack"},
            new String[] {"Violence against civilians", "Abduction/forced disappearance"},
            new String[] {"Strategic developments", "Arrests"});

    static final String[] ACLED_ACTOR_STEMS = {
        "Unidentified Armed Group (Pakistan)", "TTP: Tehrik-i-Taliban Pakistan", "Military Forces of Pakistan",
        "Police Forces of Pakistan", "BLA: Baloch Liberation Army", "Islamic State (Pakistan)",
        "BLF: Baloch Liberation Front", "Lashkar-e-Islam", "Hafiz Gul Bahadur Group", "Jamaat-ul-Ahrar",
        "Lashkar-e-Jhangvi", "BRAS: Baloch Raaji Aajoi Sangar", "Counter Terrorism Department", "Frontier Corps",
        "Levies", "Rangers", "Unidentified Communal Militia (Pakistan)", "Hizbul Ahrar"
    };

    /** 48 actors: the stems, then numbered factions of the armed groups, weighted 1/(rank+1)^1.1. */
    static List<String> acledActors() {
        List<String> actors = new ArrayList<>(List.of(ACLED_ACTOR_STEMS));
        for (int i = 1; actors.size() < 48; i++) {
            actors.add(ACLED_ACTOR_STEMS[i % 6] + " - Faction " + i);
        }
        return actors;
    }

    static void writeAcled(int n, Path out, List<String[]> places, Random rnd) throws IOException {
        List<String> actors = acledActors();
        double[] cumulative = new double[actors.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += 1 / Math.pow(i + 1, 1.1);
            cumulative[i] = sum;
        }
        LocalDate start = LocalDate.of(2006, 1, 1);
        int days = 20 * 365;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                    + "actor2,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,"
                    + "fatalities,timestamp\n");
            for (int i = 0; i < n; i++) {
                String[] place = places.get(rnd.nextInt(places.size()));
                String[] event = ACLED_EVENTS.get(rnd.nextInt(ACLED_EVENTS.size()));
                double pick = rnd.nextDouble() * sum;
                int a = 0;
                while (cumulative[a] < pick) {
                    a++;
                }
                String actor2 = rnd.nextInt(3) == 0 ? "Civilians (Pakistan)" : "";
                int precision = rnd.nextInt(100) < 85 ? 1 : rnd.nextInt(3) == 0 ? 3 : 2;
                int fatalities = rnd.nextInt(2) == 0 ? 0 : 1 + rnd.nextInt(rnd.nextInt(20) == 0 ? 40 : 6);
                LocalDate date = start.plusDays(rnd.nextInt(days));
                w.write("PAK" + (i + 1) + "," + date + "," + date.getYear() + "," + precision
                        + ",Political violence," + event[0] + "," + event[1] + ",\"" + actors.get(a) + "\"," + actor2
                        + ",Pakistan," + place[0] + "," + place[1] + ",," + place[1] + ","
                        + String.format(Locale.ROOT, "%.4f,%.4f", 24 + rnd.nextDouble() * 13, 61 + rnd.nextDouble() * 16)
                        + "," + (1 + rnd.nextInt(3)) + ",Synthetic benchmark data,\"Synthetic event " + i
                        + " in " + place[1] + "\"," + fatalities + ",1700000000\n");
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
