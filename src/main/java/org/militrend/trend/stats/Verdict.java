package org.militrend.trend.stats;

/** Direction of a regime's trend, read from the 95% interval of its rate ratio. */
public enum Verdict {
    /** The whole interval is above 1. */
    RISING("rising"),
    /** The whole interval is below 1. */
    FALLING("falling"),
    /** The interval contains 1, or there is no estimate. */
    NO_CLEAR_CHANGE("no clear change");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The API's word for it. */
    public String label() {
        return label;
    }

    static Verdict of(RateRatio rateRatio) {
        if (rateRatio == null) {
            return NO_CLEAR_CHANGE;
        }
        if (rateRatio.ci95().lower() > 1) {
            return RISING;
        }
        return rateRatio.ci95().upper() < 1 ? FALLING : NO_CLEAR_CHANGE;
    }
}
