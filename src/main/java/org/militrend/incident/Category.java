package org.militrend.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The normalized event category (contract "Filters"): one small vocabulary that every source's
 * own types map to, so that "suicide attacks" means the same rows whichever source they came
 * from.
 */
public enum Category {
    SUICIDE_ATTACK("suicide-attack"),
    BOMBING("bombing"),
    ARMED_ATTACK("armed-attack"),
    ARMED_CLASH("armed-clash"),
    TARGETED_KILLING("targeted-killing"),
    DRONE_STRIKE("drone-strike"),
    SECURITY_OPERATION("security-operation"),
    ABDUCTION("abduction"),
    OTHER("other");

    private final String key;

    Category(String key) {
        this.key = key;
    }

    /** The keys, comma-separated, for messages. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Category::key).toList());
    }

    public String key() {
        return key;
    }

    /** A key of the vocabulary, ignoring case, spaces and underscores ({@code Suicide attack} too). */
    public static Optional<Category> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String k = raw.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (Category c : values()) {
            if (c.key.equals(k)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The category that the words of a free-text event type suggest; the default for rows whose
     * source has no category of its own. The migration that added the column applies the same
     * rules in SQL to the rows stored before it (keep both in step).
     */
    public static Category infer(String eventType) {
        if (eventType == null) {
            return OTHER;
        }
        String t = eventType.toLowerCase(Locale.ROOT);
        if (t.contains("suicide")) {
            return SUICIDE_ATTACK;
        }
        if (t.contains("drone") || t.contains("air strike") || t.contains("airstrike")) {
            return DRONE_STRIKE;
        }
        if (t.contains("abduct") || t.contains("kidnap")) {
            return ABDUCTION;
        }
        if (t.contains("targeted") || t.contains("assassinat")) {
            return TARGETED_KILLING;
        }
        if (t.contains("bomb") || t.contains("explos") || t.contains("grenade")) {
            return BOMBING;
        }
        if (t.contains("clash")) {
            return ARMED_CLASH;
        }
        if (t.contains("operation") || t.contains("raid")) {
            return SECURITY_OPERATION;
        }
        if (t.contains("attack") || t.contains("shoot") || t.contains("firing") || t.contains("armed")) {
            return ARMED_ATTACK;
        }
        return OTHER;
    }
}
