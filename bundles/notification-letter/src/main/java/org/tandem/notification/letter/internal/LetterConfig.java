package org.tandem.notification.letter.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tandem.notification.letter} ({@code etc/org.tandem.notification.letter.cfg}). */
@ObjectClassDefinition(name = "Tandem notification channel LETTER", description = "Printable letters written to a print queue")
public @interface LetterConfig {

    String PID = "org.tandem.notification.letter";

    @AttributeDefinition(description = "Print-queue folder the PDF letters are written to; empty = ${karaf.data}/tandem/print-queue")
    String printQueueDir() default "";

    @AttributeDefinition(description = "Sender block printed at the top (lines separated by |)")
    String sender() default "Victim Services|Tandem";
}
