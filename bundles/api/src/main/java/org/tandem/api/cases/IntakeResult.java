package org.tandem.api.cases;

import java.util.List;

/**
 * What {@link IntakeService#openOrSupplement} did: {@code created} when a new case was opened, otherwise
 * the existing case of the same incident with {@code addedPersons} appended (empty when the document
 * brought nobody new, e.g. a replay).
 */
public record IntakeResult(VictimCase victimCase, boolean created, List<Person> addedPersons) {

    public IntakeResult {
        addedPersons = List.copyOf(addedPersons);
    }
}
