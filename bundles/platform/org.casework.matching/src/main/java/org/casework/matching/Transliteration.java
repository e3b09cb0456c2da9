package org.casework.matching;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes Cyrillic, Greek and Arabic letters in Latin letters the way passports and newspapers
 * commonly do, so that a name typed in its own script meets its Latin spellings. The tables follow
 * no single standard on purpose: where standards differ (Russian й as "y", "i" or "j") the choice is
 * the one the other matching steps already treat as equivalent.
 */
final class Transliteration {

    /** Which alphabet a word was written in, for telling a reviewer why two spellings meet. */
    enum Script {
        LATIN(""), CYRILLIC("Cyrillic"), GREEK("Greek"), ARABIC("Arabic"), OTHER("");

        final String label;

        Script(String label) {
            this.label = label;
        }
    }

    private static final Map<Character, String> CYRILLIC = new HashMap<>();
    private static final Map<Character, String> GREEK = new HashMap<>();
    private static final Map<Character, String> ARABIC = new HashMap<>();
    private static final Map<Character, String> LATIN_EXTRA = new HashMap<>();

    static {
        table(CYRILLIC, "а a б b в v г g д d е e ё e ж zh з z и i й y к k л l м m н n о o п p р r с s т t "
                + "у u ф f х kh ц ts ч ch ш sh щ shch ъ _ ы y ь _ э e ю yu я ya "
                // Ukrainian, Belarusian, Serbian, Macedonian, Kazakh letters
                + "і i ї yi є ye ґ g ў u ђ dj ј j љ lj њ nj ћ c џ dzh ѓ gj ќ kj ѕ dz ә a ғ g қ k ң n ө o ұ u ү u һ h");
        table(GREEK, "α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t "
                + "υ y φ f χ h ψ ps ω o");
        // Arabic writes long vowels only; short vowels are absent, so a name in Arabic script yields its
        // consonant skeleton plus long vowels, which the phonetic code compares against Latin spellings.
        table(ARABIC, "ا a أ a إ i آ a ب b ت t ث th ج j ح h خ kh د d ذ dh ر r ز z س s ش sh ص s ض d ط t "
                + "ظ z ع _ غ gh ف f ق q ك k ل l م m ن n ه h ة a و u ي i ى a ء _ ؤ _ ئ _ پ p چ ch ژ zh گ g "
                + "ک k ی i");
        // Letters that carry no combining mark in Unicode, so decomposition alone does not fold them.
        table(LATIN_EXTRA, "ł l đ d ð d ø o ß ss æ ae œ oe ı i þ th ŋ ng ħ h");
    }

    private Transliteration() {
    }

    private static void table(Map<Character, String> map, String pairs) {
        String[] parts = pairs.split(" ");
        for (int i = 0; i < parts.length; i += 2) {
            map.put(parts[i].charAt(0), parts[i + 1].equals("_") ? "" : parts[i + 1]);
        }
    }

    /** Lower case, marks removed, and the non-Latin letters of the tables above in Latin letters. */
    static String toLatin(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int highest = 0;
        for (int i = 0; i < lower.length(); i++) {
            highest = Math.max(highest, lower.charAt(i));
        }
        if (highest < 0x80) {
            return lower;
        }
        String s = Normalizer.normalize(lower, Normalizer.Form.NFC);
        boolean otherScripts = highest >= 0x370;
        if (otherScripts) {
            // Cyrillic first, on composed letters: й and ё would otherwise lose their marks and become и and е.
            s = mapChars(s, CYRILLIC);
        }
        s = stripMarks(Normalizer.normalize(s, Normalizer.Form.NFD));
        if (otherScripts) {
            s = greekDigraphs(s);
            s = mapChars(s, GREEK);
            s = arabicInitials(s);
            s = mapChars(s, ARABIC);
        }
        return mapChars(s, LATIN_EXTRA);
    }

    private static String stripMarks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The script a word is written in, judged by its first letter. */
    static Script scriptOf(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            if (c < 0x80) {
                return Script.LATIN;
            }
            Character.UnicodeScript us = Character.UnicodeScript.of(c);
            return switch (us) {
                case LATIN -> Script.LATIN;
                case CYRILLIC -> Script.CYRILLIC;
                case GREEK -> Script.GREEK;
                case ARABIC -> Script.ARABIC;
                default -> Script.OTHER;
            };
        }
        return Script.OTHER;
    }

    /** Folds marks and the extra Latin letters only, for {@link PersonMatching#normalize}. */
    static String foldLatin(String text) {
        return mapChars(stripMarks(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)),
                LATIN_EXTRA);
    }

    private static String mapChars(String s, Map<Character, String> table) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            String r = table.get(s.charAt(i));
            if (r != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                out.append(r != null ? r : String.valueOf(s.charAt(i)));
            }
        }
        return out == null ? s : out.toString();
    }

    /** Greek pairs read as one sound: ου is "ou", μπ and ντ at a word start are "b" and "d", γγ/γκ are "ng"/"g". */
    private static String greekDigraphs(String s) {
        if (s.chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK)) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            boolean wordStart = i == 0 || !Character.isLetter(s.charAt(i - 1));
            if (c == 'ο' && next == 'υ') {
                out.append("ou");
                i++;
            } else if (c == 'α' && next == 'υ') {
                out.append("av");
                i++;
            } else if (c == 'ε' && next == 'υ') {
                out.append("ev");
                i++;
            } else if (wordStart && c == 'μ' && next == 'π') {
                out.append('b');
                i++;
            } else if (wordStart && c == 'ν' && next == 'τ') {
                out.append('d');
                i++;
            } else if (c == 'γ' && (next == 'γ' || next == 'κ')) {
                out.append(next == 'γ' ? "ng" : "g");
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Arabic و and ي spell a consonant (w, y) at the start of a word and a long vowel elsewhere;
     * an initial ع reads as a vowel ("Abd", "Omar") rather than vanishing; the joined article ال is
     * split off as its own word.
     */
    private static String arabicInitials(String s) {
        if (s.chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean wordStart = i == 0 || !Character.isLetter(s.charAt(i - 1));
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (wordStart && c == 'ا' && next == 'ل' && i + 3 < s.length() && Character.isLetter(s.charAt(i + 3))) {
                // the article al- is written joined to the name; split it off as Latin spellings do
                out.append("al ");
                i++;
            } else if (wordStart && c == 'و') {
                out.append('w');
            } else if (wordStart && c == 'ي') {
                out.append('y');
            } else if (wordStart && c == 'ع') {
                out.append('a');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
