package org.militrend.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Malformed import files made from real ones by seeded mutations: truncation, byte flips, NUL
 * bytes, duplicated header names, stray quotes, huge cells, wrong encodings, dropped and added
 * cells. The same seed gives the same corpus, so a failure reproduces. Used by {@code
 * FuzzImportTest} and, through {@link #main}, by {@code src/bench/reliability/fuzz.sh} against a
 * running service.
 */
public final class FuzzCorpus {

    /** One mutated file: its name says the mutation and the seed, {@code format} how to import it. */
    public record Case(String name, String format, byte[] body) {}

    private static final String[] MUTATIONS = {
        "truncate",
        "flip",
        "nul",
        "duplicate-header",
        "quote",
        "huge-cell",
        "utf16",
        "utf16-bom",
        "utf32",
        "drop-cells",
        "add-cells",
        "splice",
        "binary",
        "empty-lines",
        "header-only"
    };

    private FuzzCorpus() {}

    /** {@code count} cases from the seed, alternating between the given base files. */
    public static List<Case> generate(long seed, int count, List<Case> bases) {
        Random random = new Random(seed);
        List<Case> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Case base = bases.get(i % bases.size());
            String mutation = MUTATIONS[random.nextInt(MUTATIONS.length)];
            byte[] body = mutate(mutation, base.body(), random);
            out.add(new Case(String.format("%03d-%s-%s", i, base.name(), mutation), base.format(), body));
        }
        return out;
    }

    private static byte[] mutate(String mutation, byte[] base, Random random) {
        return switch (mutation) {
            case "truncate" -> Arrays.copyOf(base, 1 + random.nextInt(base.length - 1));
            case "flip" -> {
                byte[] b = base.clone();
                for (int k = 0, n = 1 + random.nextInt(20); k < n; k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                yield b;
            }
            case "nul" -> insert(base, random, new byte[] {0}, 1 + random.nextInt(5));
            case "duplicate-header" -> {
                List<String> lines = lines(base);
                String[] names = lines.get(0).split(",", -1);
                names[random.nextInt(names.length)] = names[random.nextInt(names.length)];
                lines.set(0, String.join(",", names));
                yield join(lines);
            }
            case "quote" -> insert(base, random, new byte[] {'"'}, 1 + random.nextInt(3));
            case "huge-cell" -> {
                List<String> lines = lines(base);
                int row = lines.size() > 1 ? 1 + random.nextInt(lines.size() - 1) : 0;
                String[] cells = lines.get(row).split(",", -1);
                cells[random.nextInt(cells.length)] = "K".repeat(100_000 + random.nextInt(400_000));
                lines.set(row, String.join(",", cells));
                yield join(lines);
            }
            case "utf16" -> reencode(base, StandardCharsets.UTF_16LE, new byte[0]);
            case "utf16-bom" -> reencode(base, StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF});
            case "utf32" -> reencode(base, Charset.forName("UTF-32"), new byte[0]);
            case "drop-cells", "add-cells" -> {
                List<String> lines = lines(base);
                for (int k = 0, n = 1 + random.nextInt(5); k < n && lines.size() > 1; k++) {
                    int row = 1 + random.nextInt(lines.size() - 1);
                    String line = lines.get(row);
                    int comma = line.lastIndexOf(',');
                    lines.set(
                            row,
                            mutation.equals("add-cells") ? line + ",x,y" : comma < 0 ? line : line.substring(0, comma));
                }
                yield join(lines);
            }
            case "splice" -> {
                int from = random.nextInt(base.length);
                int to = Math.min(base.length, from + random.nextInt(200));
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.write(base, 0, from);
                b.write(base, to, base.length - to);
                yield b.toByteArray();
            }
            case "binary" -> {
                byte[] b = new byte[1 + random.nextInt(8192)];
                random.nextBytes(b);
                yield b;
            }
            case "empty-lines" ->
                new String(base, StandardCharsets.ISO_8859_1)
                        .replace("\n", "\n\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
            case "header-only" -> join(lines(base).subList(0, 1));
            default -> throw new IllegalArgumentException(mutation);
        };
    }

    private static byte[] insert(byte[] base, Random random, byte[] what, int times) {
        byte[] b = base;
        for (int k = 0; k < times; k++) {
            int at = random.nextInt(b.length + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(b, 0, at);
            out.writeBytes(what);
            out.write(b, at, b.length - at);
            b = out.toByteArray();
        }
        return b;
    }

    /** The file's lines, bytes kept as they are (ISO-8859-1 maps every byte to one char). */
    private static List<String> lines(byte[] base) {
        return new ArrayList<>(List.of(new String(base, StandardCharsets.ISO_8859_1).split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] reencode(byte[] base, Charset charset, byte[] prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(new String(base, StandardCharsets.UTF_8).getBytes(charset));
        return out.toByteArray();
    }

    /** The first {@code lines} lines of a file (header included). */
    public static byte[] head(byte[] file, int lines) {
        List<String> all = lines(file);
        return join(all.subList(0, Math.min(lines, all.size())));
    }

    /**
     * Writes a corpus to a folder: {@code FuzzCorpus SEED COUNT NATIVE_CSV PBC_CSV OUT_DIR}; each
     * file is named {@code NNN-base-mutation.FORMAT.csv}.
     */
    public static void main(String[] args) throws IOException {
        long seed = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        List<Case> bases = List.of(
                new Case("native", "native", head(Files.readAllBytes(Path.of(args[2])), 80)),
                new Case("pbc", "pbc-suicide", head(Files.readAllBytes(Path.of(args[3])), 80)));
        Path out = Files.createDirectories(Path.of(args[4]));
        for (Case c : generate(seed, count, bases)) {
            Files.write(out.resolve(c.name() + "." + c.format() + ".csv"), c.body());
        }
    }
}
