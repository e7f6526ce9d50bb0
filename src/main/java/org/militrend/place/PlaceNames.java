package org.militrend.place;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The match key of a place name: what {@code place_alias.normalized} stores and what every lookup
 * compares.
 *
 * <p>Lower case, accents stripped, {@code &} read as "and", every run of characters other than
 * ASCII letters and digits (punctuation, spaces, NBSP, hyphens) is a word break, and the words are
 * joined without spaces. Leading and trailing generic words ({@code agency}, {@code district},
 * {@code province}, {@code division}, {@code tehsil}, {@code town}, {@code city}, {@code area},
 * {@code cantt}) are dropped as long as a word remains, so "D.I. Khan", "DI Khan" and "D. I Khan"
 * all become {@code dikhan} and "Mohmand Agency" becomes {@code mohmand}. {@code valley} is kept on
 * purpose: "Jhelum Valley" (a district of Azad Kashmir) is not Jhelum (Punjab); valley names such
 * as "Tirah Valley" are stored as aliases of their own.
 */
public final class PlaceNames {

    static final Set<String> GENERIC_WORDS = Set.of(
            "agency",
            "district",
            "province",
            "division",
            "tehsil",
            "thesil",
            "town",
            "city",
            "area",
            "cantt",
            "cantonment");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BREAKS = Pattern.compile("[^a-z0-9]+");

    private PlaceNames() {}

    /** The match key of {@code raw}; the empty string for {@code null} or a name without letters. */
    public static String normalize(String raw) {
        List<String> words = words(raw);
        while (words.size() > 1 && GENERIC_WORDS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        while (words.size() > 1 && GENERIC_WORDS.contains(words.get(0))) {
            words.remove(0);
        }
        return String.join("", words);
    }

    private static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        if (raw == null) {
            return words;
        }
        String s = Normalizer.normalize(raw.replace('\u00a0', ' '), Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace("&", " and ");
        for (String w : BREAKS.split(s)) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
