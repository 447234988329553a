package org.parley.roadmap;

import java.time.LocalDate;

public enum OffsetUnit {
    DAYS, WEEKS, MONTHS;

    LocalDate add(LocalDate from, int amount) {
        return switch (this) {
            case DAYS -> from.plusDays(amount);
            case WEEKS -> from.plusWeeks(amount);
            case MONTHS -> from.plusMonths(amount);
        };
    }
}
