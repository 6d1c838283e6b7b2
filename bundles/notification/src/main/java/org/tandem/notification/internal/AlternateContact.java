package org.tandem.notification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tandem.api.cases.Channel;

/**
 * The designated alternate contact is free text on the person ("Sister, Thu Nguyen, +12175550143"); an e-mail
 * address in it makes it reachable by EMAIL, an E.164 number by SMS (tried in that order). The rest of the text is
 * how the contact is addressed.
 */
record AlternateContact(String name, List<Target> targets) {

    record Target(Channel channel, String address) {
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");

    static AlternateContact parse(String text) {
        if (text == null || text.isBlank()) {
            return new AlternateContact("", List.of());
        }
        List<Target> targets = new ArrayList<>();
        String rest = text;
        Matcher email = EMAIL.matcher(text);
        if (email.find()) {
            targets.add(new Target(Channel.EMAIL, email.group()));
            rest = rest.replace(email.group(), "");
        }
        Matcher phone = PHONE.matcher(text);
        if (phone.find()) {
            targets.add(new Target(Channel.SMS, phone.group()));
            rest = rest.replace(phone.group(), "");
        }
        String name = rest.replaceAll("[,;\\s]+$", "").replaceAll("^[,;\\s]+", "").replaceAll(",\\s*,", ",").strip();
        return new AlternateContact(name, targets);
    }

    boolean reachable() {
        return !targets.isEmpty();
    }

    /** The first target after the given channel (null: the first). */
    java.util.Optional<Target> after(Channel current) {
        boolean passed = current == null;
        for (Target t : targets) {
            if (passed) {
                return java.util.Optional.of(t);
            }
            passed = t.channel() == current;
        }
        return java.util.Optional.empty();
    }

    java.util.Optional<Target> on(Channel channel) {
        return targets.stream().filter(t -> t.channel() == channel).findFirst();
    }
}
