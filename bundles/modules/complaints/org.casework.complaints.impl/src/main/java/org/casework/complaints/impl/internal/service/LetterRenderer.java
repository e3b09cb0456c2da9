package org.casework.complaints.impl.internal.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/** Lays a confirmation out as a one- or two-page printable PDF letter (US Letter, Helvetica). */
final class LetterRenderer {

    private static final float MARGIN = 72;
    private static final float SIZE = 11;
    private static final float LEADING = 15;

    private LetterRenderer() {
    }

    /**
     * @param addressLines the recipient's name and postal address, possibly empty
     * @param text the confirmation
     */
    static byte[] render(List<String> addressLines, ConfirmationText text, LocalDate date) {
        PDFont font = PDType1Font.HELVETICA;
        PDFont bold = PDType1Font.HELVETICA_BOLD;
        List<Object[]> lines = new ArrayList<>();
        lines.add(new Object[] {bold, printable(font, text.paragraphs().get(text.paragraphs().size() - 1))});
        lines.add(new Object[] {font, date.toString()});
        lines.add(new Object[] {font, ""});
        for (String a : addressLines) {
            lines.add(new Object[] {font, printable(font, a)});
        }
        lines.add(new Object[] {font, ""});
        lines.add(new Object[] {bold, printable(bold, text.subject())});
        lines.add(new Object[] {font, ""});
        float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
        for (String paragraph : text.paragraphs().subList(0, text.paragraphs().size() - 1)) {
            for (String l : wrap(font, printable(font, paragraph), width)) {
                lines.add(new Object[] {font, l});
            }
            lines.add(new Object[] {font, ""});
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int i = 0;
            while (i < lines.size()) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                float y = PDRectangle.LETTER.getHeight() - MARGIN;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    while (i < lines.size() && y > MARGIN) {
                        cs.beginText();
                        cs.setFont((PDFont) lines.get(i)[0], SIZE);
                        cs.newLineAtOffset(MARGIN, y);
                        cs.showText((String) lines.get(i)[1]);
                        cs.endText();
                        y -= LEADING;
                        i++;
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The confirmation letter could not be laid out", e);
        }
    }

    /** The text with every character the standard font cannot show replaced by '?'. */
    static String printable(PDFont font, String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (Character.isISOControl(cp)) {
                b.append(' ');
                return;
            }
            try {
                font.encode(ch);
                b.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }

    private static List<String> wrap(PDFont font, String text, float width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (textWidth(font, candidate) > width && line.length() > 0) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static float textWidth(PDFont font, String s) {
        try {
            return font.getStringWidth(s) / 1000 * SIZE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
