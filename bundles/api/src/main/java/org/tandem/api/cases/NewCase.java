package org.tandem.api.cases;

import java.util.List;

/** What intake receives: everything a case holds except what the platform assigns. */
public record NewCase(Incident incident, List<Person> persons, List<ServiceCategory> needs, String narrative) {

    public NewCase {
        persons = persons == null ? List.of() : List.copyOf(persons);
        needs = needs == null ? List.of() : List.copyOf(needs);
    }
}
