package org.casework.matching;

import java.util.List;

/**
 * Two records that may name the same person.
 *
 * @param score from 0 (unlike) to 1 (identical names and date of birth)
 * @param reasons why they matched, in words a reviewer reads (which names, how alike, the date of birth)
 */
public record PersonMatch(double score, List<String> reasons) {

    public PersonMatch {
        reasons = List.copyOf(reasons);
    }
}
