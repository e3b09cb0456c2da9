package org.casework.complaints.impl.internal.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a complaint's confirmation, in English or Spanish: the case number, the office's
 * contact, and how to see and correct what was given (section 7.3 of the privacy assessment).
 * The same text goes into the e-mail and the printable letter.
 */
record ConfirmationText(String subject, List<String> paragraphs) {

    static ConfirmationText of(String language, String caseNumber, String officeName, String officeContact,
            String accessAndCorrection) {
        List<String> p = new ArrayList<>();
        if ("ES".equals(language)) {
            p.add("Hemos recibido su queja. Su número de caso es " + caseNumber + ".");
            p.add("Cite este número cada vez que se comunique con nosotros sobre la queja.");
            p.add("Puede pedir ver la información que nos dio, o corregirla, en cualquier momento: comuníquese con "
                    + "la oficina por teléfono, correo electrónico, fax o correo y cite su número de caso. También "
                    + "puede solicitar sus registros según la Ley de Libertad de Información (FOIA) y pedir una "
                    + "corrección según la Ley de Privacidad de 1974.");
            p.add("Contacto: " + officeContact);
            p.add(officeName);
            return new ConfirmationText("Confirmación de su queja " + caseNumber, p);
        }
        p.add("We have received your complaint. Your case number is " + caseNumber + ".");
        p.add("Please quote this number whenever you contact us about the complaint.");
        p.add(accessAndCorrection);
        p.add("Contact: " + officeContact);
        p.add(officeName);
        return new ConfirmationText("Confirmation of your complaint " + caseNumber, p);
    }

    String plainText() {
        return String.join("\n\n", paragraphs) + "\n";
    }
}
