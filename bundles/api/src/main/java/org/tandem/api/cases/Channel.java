package org.tandem.api.cases;

/** Ways to reach a person, listed in a person's contact preferences in the order they chose. */
public enum Channel { EMAIL, SMS, VOICE, LETTER }
