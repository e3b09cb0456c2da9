package org.casework.core.impl.internal.search;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.casework.core.api.ANumber;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.core.api.spi.FieldType;

/**
 * Derives what lists filter, sort and search on from a case's field values: one normalised value
 * per field (plus a person's aliases) and a lower-case text for word search.
 */
public final class SearchIndex {

    /** The longest indexed value; longer values are cut (search still finds their start). */
    public static final int VALUE_LENGTH = 255;
    private static final int SEARCH_TEXT_LENGTH = 8000;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** One indexed value. */
    public record Entry(String field, int ordinal, String text, BigDecimal number) {
    }

    private SearchIndex() {
    }

    /** Lower case without diacritics, so "José" is found as "jose". */
    public static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD);
        return MARKS.matcher(n).replaceAll("").toLowerCase(Locale.ROOT).strip();
    }

    /** The value a filter on a field compares with, for what a user typed. */
    public static String filterValue(FieldDefinition f, String typed) {
        if (f.type() == FieldType.A_NUMBER) {
            return ANumber.normalize(typed).orElse(fold(typed));
        }
        if (f.type() == FieldType.NUMBER) {
            try {
                BigDecimal n = new BigDecimal(typed.strip()).stripTrailingZeros();
                return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
            } catch (NumberFormatException e) {
                return fold(typed);
            }
        }
        return cut(fold(typed));
    }

    public static List<Entry> entries(CaseTypeDefinition type, Map<String, Object> values) {
        List<Entry> out = new ArrayList<>();
        for (FieldDefinition f : type.fields()) {
            Object v = values.get(f.key());
            if (v == null || f.type() == FieldType.LONG_TEXT || f.type() == FieldType.ADDRESS) {
                continue;
            }
            switch (f.type()) {
                case PERSON -> {
                    Map<?, ?> p = (Map<?, ?>) v;
                    out.add(new Entry(f.key(), 0, cut(fold(String.valueOf(p.get("fullName")))), null));
                    if (p.get("aliases") instanceof List<?> aliases) {
                        for (int i = 0; i < aliases.size(); i++) {
                            out.add(new Entry(f.key(), i + 1, cut(fold(String.valueOf(aliases.get(i)))), null));
                        }
                    }
                }
                case NUMBER -> {
                    BigDecimal n = (BigDecimal) v;
                    out.add(new Entry(f.key(), 0, n.toPlainString(), n));
                }
                default -> out.add(new Entry(f.key(), 0, cut(fold(String.valueOf(v))), null));
            }
        }
        return out;
    }

    public static String searchText(CaseTypeDefinition type, String number, Map<String, Object> values) {
        StringBuilder sb = new StringBuilder(fold(number));
        for (FieldDefinition f : type.fields()) {
            Object v = values.get(f.key());
            // Word search runs for every reader of the type, so a field only some may see never
            // enters the text: its words could otherwise be probed one by one.
            if (v == null || f.readRestricted() || !(f.searchable() || f.key().equals(type.titleField()))) {
                continue;
            }
            if (f.type() == FieldType.PERSON) {
                Map<?, ?> p = (Map<?, ?>) v;
                sb.append(' ').append(fold(String.valueOf(p.get("fullName"))));
                if (p.get("aliases") instanceof List<?> aliases) {
                    aliases.forEach(a -> sb.append(' ').append(fold(String.valueOf(a))));
                }
            } else if (f.type() == FieldType.A_NUMBER) {
                sb.append(' ').append(v).append(' ').append(fold(ANumber.format(String.valueOf(v))));
            } else if (f.type() == FieldType.ADDRESS) {
                ((Map<?, ?>) v).values().forEach(x -> sb.append(' ').append(fold(String.valueOf(x))));
            } else {
                sb.append(' ').append(fold(String.valueOf(v)));
            }
        }
        return sb.length() > SEARCH_TEXT_LENGTH ? sb.substring(0, SEARCH_TEXT_LENGTH) : sb.toString();
    }

    private static String cut(String s) {
        return s.length() > VALUE_LENGTH ? s.substring(0, VALUE_LENGTH) : s;
    }
}
