// Bridge to the system ICU (libicu-dev).
//
// Why wrappers: unicode/urename.h turns every ICU entry point into a versioned macro
// (utrans_openU -> utrans_openU_72). Swift does not import function-like macros, so each
// function Lector needs is wrapped in a static inline function that the C compiler expands.
// This keeps the Swift code independent of the ICU version.
//
// Why int32_t status codes: Foundation on Linux carries a private ICU whose UErrorCode differs.
// If any Swift declaration of LectorICU (even an internal one, serialized for testing) names a
// type from these headers, an importer that also imports Foundation loads both definitions and
// fails to build. So the wrappers take and return only plain C integers and opaque handles.
#ifndef LECTOR_CICU_SHIM_H
#define LECTOR_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ubrk.h>
#include <unicode/uscript.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/unumberformatter.h>
#include <unicode/udat.h>
#include <unicode/ulocdata.h>
#include <unicode/upluralrules.h>
#include <unicode/uenum.h>
#include <unicode/uset.h>
#include <unicode/ures.h>
#include <unicode/udata.h>

// MARK: - Strings

static inline UChar *cicu_strFromUTF8(UChar *dest, int32_t destCapacity, int32_t *pDestLength,
                                      const char *src, int32_t srcLength, int32_t *status) {
    return u_strFromUTF8WithSub(dest, destCapacity, pDestLength, src, srcLength, 0xFFFD, NULL, (UErrorCode *)status);
}

static inline char *cicu_strToUTF8(char *dest, int32_t destCapacity, int32_t *pDestLength,
                                   const UChar *src, int32_t srcLength, int32_t *status) {
    return u_strToUTF8WithSub(dest, destCapacity, pDestLength, src, srcLength, 0xFFFD, NULL, (UErrorCode *)status);
}

static inline int32_t cicu_strFoldCase(UChar *dest, int32_t destCapacity, const UChar *src,
                                       int32_t srcLength, uint32_t options, int32_t *status) {
    return u_strFoldCase(dest, destCapacity, src, srcLength, options, (UErrorCode *)status);
}

static inline int32_t cicu_strToUpper(UChar *dest, int32_t destCapacity, const UChar *src,
                                      int32_t srcLength, const char *locale, int32_t *status) {
    return u_strToUpper(dest, destCapacity, src, srcLength, locale, (UErrorCode *)status);
}

static inline int32_t cicu_strToLower(UChar *dest, int32_t destCapacity, const UChar *src,
                                      int32_t srcLength, const char *locale, int32_t *status) {
    return u_strToLower(dest, destCapacity, src, srcLength, locale, (UErrorCode *)status);
}

static inline const char *cicu_errorName(int32_t code) { return u_errorName((UErrorCode)code); }

// Status codes are plain int32_t on the Swift side: see the note at the top of this file.
static const int32_t CICU_ZERO_ERROR = U_ZERO_ERROR;
static const int32_t CICU_BUFFER_OVERFLOW_ERROR = U_BUFFER_OVERFLOW_ERROR;

// MARK: - Normalization

static inline const UNormalizer2 *cicu_nfc(int32_t *status) { return unorm2_getNFCInstance((UErrorCode *)status); }
static inline const UNormalizer2 *cicu_nfkc(int32_t *status) { return unorm2_getNFKCInstance((UErrorCode *)status); }
static inline const UNormalizer2 *cicu_nfkcCasefold(int32_t *status) {
    return unorm2_getNFKCCasefoldInstance((UErrorCode *)status);
}
static inline int32_t cicu_normalize(const UNormalizer2 *norm, const UChar *src, int32_t length,
                                     UChar *dest, int32_t capacity, int32_t *status) {
    return unorm2_normalize(norm, src, length, dest, capacity, (UErrorCode *)status);
}
static inline UBool cicu_isNormalized(const UNormalizer2 *norm, const UChar *s, int32_t length,
                                      int32_t *status) {
    return unorm2_isNormalized(norm, s, length, (UErrorCode *)status);
}

// MARK: - Transliteration

static inline UTransliterator *cicu_utrans_openU(const UChar *id, int32_t idLength, const UChar *rules,
                                                 int32_t rulesLength, UParseError *parseError,
                                                 int32_t *status) {
    return utrans_openU(id, idLength, UTRANS_FORWARD, rules, rulesLength, parseError, (UErrorCode *)status);
}
static inline void cicu_utrans_close(UTransliterator *trans) { utrans_close(trans); }
static inline UTransliterator *cicu_utrans_clone(const UTransliterator *trans, int32_t *status) {
    return utrans_clone(trans, (UErrorCode *)status);
}
static inline void cicu_utrans_transUChars(const UTransliterator *trans, UChar *text, int32_t *textLength,
                                           int32_t textCapacity, int32_t start, int32_t *limit,
                                           int32_t *status) {
    utrans_transUChars(trans, text, textLength, textCapacity, start, limit, (UErrorCode *)status);
}

// MARK: - Segmentation

static inline UBreakIterator *cicu_ubrk_open(UBreakIteratorType type, const char *locale,
                                             int32_t *status) {
    return ubrk_open(type, locale, NULL, 0, (UErrorCode *)status);
}
static inline void cicu_ubrk_setText(UBreakIterator *bi, const UChar *text, int32_t length,
                                     int32_t *status) {
    ubrk_setText(bi, text, length, (UErrorCode *)status);
}
static inline int32_t cicu_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t cicu_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t cicu_ubrk_getRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline void cicu_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }
static inline UBreakIterator *cicu_ubrk_clone(const UBreakIterator *bi, int32_t *status) {
    return ubrk_clone(bi, (UErrorCode *)status);
}

// MARK: - Characters, scripts, locales

static inline UScriptCode cicu_uscript_getScript(UChar32 c, int32_t *status) {
    return uscript_getScript(c, (UErrorCode *)status);
}
static inline const char *cicu_uscript_getShortName(UScriptCode script) { return uscript_getShortName(script); }
static inline const char *cicu_uscript_getName(UScriptCode script) { return uscript_getName(script); }

static inline int32_t cicu_uloc_forLanguageTag(const char *tag, char *localeID, int32_t capacity,
                                               int32_t *parsedLength, int32_t *status) {
    return uloc_forLanguageTag(tag, localeID, capacity, parsedLength, (UErrorCode *)status);
}
static inline int32_t cicu_uloc_getLanguage(const char *localeID, char *language, int32_t capacity,
                                            int32_t *status) {
    return uloc_getLanguage(localeID, language, capacity, (UErrorCode *)status);
}
static inline const char *const *cicu_uloc_getISOLanguages(void) { return uloc_getISOLanguages(); }
static inline int32_t cicu_uloc_getDisplayLanguage(const char *locale, const char *displayLocale,
                                                   UChar *language, int32_t capacity, int32_t *status) {
    return uloc_getDisplayLanguage(locale, displayLocale, language, capacity, (UErrorCode *)status);
}

// MARK: - Place names (CLDR)
// Country names per display language, and the exemplar cities of the time-zone names, which is
// where CLDR keeps a city's name in each language (`Europe:Moscow` → Москва, Moskau).

static inline const char *const *cicu_uloc_getISOCountries(void) { return uloc_getISOCountries(); }
static inline int32_t cicu_uloc_getDisplayCountry(const char *locale, const char *displayLocale,
                                                  UChar *country, int32_t capacity, int32_t *status) {
    return uloc_getDisplayCountry(locale, displayLocale, country, capacity, (UErrorCode *)status);
}
static inline int32_t cicu_uloc_addLikelySubtags(const char *localeID, char *maximized, int32_t capacity, int32_t *status) {
    return uloc_addLikelySubtags(localeID, maximized, capacity, (UErrorCode *)status);
}
static inline void *cicu_ures_openZoneStrings(const char *locale, int32_t *status) {
    UResourceBundle *bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "zone", locale, (UErrorCode *)status);
    if (U_FAILURE(*(UErrorCode *)status)) { ures_close(bundle); return NULL; }
    UResourceBundle *table = ures_getByKey(bundle, "zoneStrings", NULL, (UErrorCode *)status);
    ures_close(bundle);
    return table;
}
static inline int32_t cicu_ures_getSize(const void *resource) { return ures_getSize((const UResourceBundle *)resource); }
static inline void *cicu_ures_getByIndex(const void *resource, int32_t index, int32_t *status) {
    return ures_getByIndex((const UResourceBundle *)resource, index, NULL, (UErrorCode *)status);
}
static inline const char *cicu_ures_getKey(const void *resource) { return ures_getKey((const UResourceBundle *)resource); }
static inline const UChar *cicu_ures_getStringByKey(const void *resource, const char *key, int32_t *length, int32_t *status) {
    return ures_getStringByKey((const UResourceBundle *)resource, key, length, (UErrorCode *)status);
}
static inline void cicu_ures_close(void *resource) { ures_close((UResourceBundle *)resource); }

// MARK: - Number parsing
// Handles cross as void * (UNumberFormat is itself a void * typedef) and enum values as int32_t,
// so no Swift declaration has to name an ICU type.

static const int32_t CICU_UNUM_DECIMAL_SEPARATOR_SYMBOL = UNUM_DECIMAL_SEPARATOR_SYMBOL;
static const int32_t CICU_UNUM_GROUPING_SEPARATOR_SYMBOL = UNUM_GROUPING_SEPARATOR_SYMBOL;
static const int32_t CICU_UNUM_PARSE_NO_EXPONENT = UNUM_PARSE_NO_EXPONENT;

static inline void *cicu_unum_openDecimal(const char *locale, int32_t *status) {
    return unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, (UErrorCode *)status);
}
static inline void cicu_unum_close(void *format) { unum_close((UNumberFormat *)format); }
static inline void *cicu_unum_clone(const void *format, int32_t *status) {
    return unum_clone((const UNumberFormat *)format, (UErrorCode *)status);
}
static inline void cicu_unum_setAttribute(void *format, int32_t attribute, int32_t value) {
    unum_setAttribute((UNumberFormat *)format, (UNumberFormatAttribute)attribute, value);
}
static inline double cicu_unum_parseDouble(const void *format, const UChar *text, int32_t length,
                                           int32_t *parsePosition, int32_t *status) {
    return unum_parseDouble((const UNumberFormat *)format, text, length, parsePosition, (UErrorCode *)status);
}
static inline int32_t cicu_unum_getSymbol(const void *format, int32_t symbol, UChar *buffer, int32_t capacity,
                                          int32_t *status) {
    return unum_getSymbol((const UNumberFormat *)format, (UNumberFormatSymbol)symbol, buffer, capacity,
                          (UErrorCode *)status);
}

// MARK: - Number formatting with units
// The number skeleton API (`unumf`), used to read how a locale writes a measure unit after a
// number (`5 Kilometer`, `5 километров`). Handles are opaque pointers as above.

static inline void *cicu_unumf_openForSkeletonAndLocale(const UChar *skeleton, int32_t length, const char *locale,
                                                        int32_t *status) {
    return unumf_openForSkeletonAndLocale(skeleton, length, locale, (UErrorCode *)status);
}
static inline void cicu_unumf_close(void *formatter) { unumf_close((UNumberFormatter *)formatter); }
static inline void *cicu_unumf_openResult(int32_t *status) { return unumf_openResult((UErrorCode *)status); }
static inline void cicu_unumf_closeResult(void *result) { unumf_closeResult((UFormattedNumber *)result); }
static inline void cicu_unumf_formatDouble(const void *formatter, double value, void *result, int32_t *status) {
    unumf_formatDouble((const UNumberFormatter *)formatter, value, (UFormattedNumber *)result, (UErrorCode *)status);
}
static inline int32_t cicu_unumf_resultToString(const void *result, UChar *buffer, int32_t capacity, int32_t *status) {
    return unumf_resultToString((const UFormattedNumber *)result, buffer, capacity, (UErrorCode *)status);
}

// MARK: - Date symbols

static const int32_t CICU_UDAT_NONE = UDAT_NONE;
static const int32_t CICU_UDAT_LONG = UDAT_LONG;
static const int32_t CICU_UDAT_SHORT = UDAT_SHORT;
static const int32_t CICU_UDAT_MONTHS = UDAT_MONTHS;
static const int32_t CICU_UDAT_SHORT_MONTHS = UDAT_SHORT_MONTHS;
static const int32_t CICU_UDAT_STANDALONE_MONTHS = UDAT_STANDALONE_MONTHS;
static const int32_t CICU_UDAT_STANDALONE_SHORT_MONTHS = UDAT_STANDALONE_SHORT_MONTHS;
static const int32_t CICU_UDAT_WEEKDAYS = UDAT_WEEKDAYS;
static const int32_t CICU_UDAT_STANDALONE_WEEKDAYS = UDAT_STANDALONE_WEEKDAYS;
static const int32_t CICU_UDAT_SHORT_WEEKDAYS = UDAT_SHORT_WEEKDAYS;
static const int32_t CICU_UDAT_STANDALONE_SHORT_WEEKDAYS = UDAT_STANDALONE_SHORT_WEEKDAYS;

// The time zone is fixed to UTC: Lector reads symbols and patterns only, never formats instants.
static inline void *cicu_udat_open(int32_t timeStyle, int32_t dateStyle, const char *locale, int32_t *status) {
    static const UChar utc[] = {0x55, 0x54, 0x43, 0};
    return udat_open((UDateFormatStyle)timeStyle, (UDateFormatStyle)dateStyle, locale, utc, 3, NULL, 0,
                     (UErrorCode *)status);
}
static inline void cicu_udat_close(void *format) { udat_close((UDateFormat *)format); }
static inline int32_t cicu_udat_countSymbols(const void *format, int32_t type) {
    return udat_countSymbols((const UDateFormat *)format, (UDateFormatSymbolType)type);
}
static inline int32_t cicu_udat_getSymbols(const void *format, int32_t type, int32_t index, UChar *result,
                                           int32_t capacity, int32_t *status) {
    return udat_getSymbols((const UDateFormat *)format, (UDateFormatSymbolType)type, index, result, capacity,
                           (UErrorCode *)status);
}
static inline int32_t cicu_udat_toPattern(const void *format, UChar *result, int32_t capacity, int32_t *status) {
    return udat_toPattern((const UDateFormat *)format, 0, result, capacity, (UErrorCode *)status);
}

// MARK: - Locale data

static const int32_t CICU_ULOCDATA_QUOTATION_START = ULOCDATA_QUOTATION_START;
static const int32_t CICU_ULOCDATA_QUOTATION_END = ULOCDATA_QUOTATION_END;
static const int32_t CICU_ULOCDATA_ALT_QUOTATION_START = ULOCDATA_ALT_QUOTATION_START;
static const int32_t CICU_ULOCDATA_ALT_QUOTATION_END = ULOCDATA_ALT_QUOTATION_END;

static inline void *cicu_ulocdata_open(const char *locale, int32_t *status) {
    return ulocdata_open(locale, (UErrorCode *)status);
}
static inline void cicu_ulocdata_close(void *data) { ulocdata_close((ULocaleData *)data); }
static inline int32_t cicu_ulocdata_getDelimiter(void *data, int32_t type, UChar *result, int32_t capacity,
                                                 int32_t *status) {
    return ulocdata_getDelimiter((ULocaleData *)data, (ULocaleDataDelimiterType)type, result, capacity,
                                 (UErrorCode *)status);
}

static const int32_t CICU_ULOCDATA_ES_PUNCTUATION = ULOCDATA_ES_PUNCTUATION;

/// The locale's exemplar set of the given type (CLDR), or NULL; close it with cicu_uset_close.
static inline void *cicu_ulocdata_getExemplarSet(void *data, int32_t type, int32_t *status) {
    return ulocdata_getExemplarSet((ULocaleData *)data, NULL, 0, (ULocaleDataExemplarSetType)type, (UErrorCode *)status);
}
static inline void cicu_uset_close(void *set) { uset_close((USet *)set); }
static inline int32_t cicu_uset_getItemCount(const void *set) { return uset_getItemCount((const USet *)set); }
/// Item `index` of a set: a range of code points (returns 0) or a string (returns its length).
static inline int32_t cicu_uset_getItem(const void *set, int32_t index, int32_t *start, int32_t *end, UChar *str,
                                        int32_t capacity, int32_t *status) {
    return uset_getItem((const USet *)set, index, start, end, str, capacity, (UErrorCode *)status);
}

// MARK: - Character properties

static const int32_t CICU_UCHAR_S_TERM = UCHAR_S_TERM;
static const int32_t CICU_UCHAR_TERMINAL_PUNCTUATION = UCHAR_TERMINAL_PUNCTUATION;
static const int32_t CICU_UCHAR_QUOTATION_MARK = UCHAR_QUOTATION_MARK;
static const int32_t CICU_UCHAR_DASH = UCHAR_DASH;

static inline int32_t cicu_u_hasBinaryProperty(int32_t c, int32_t property) {
    return u_hasBinaryProperty(c, (UProperty)property);
}
static inline int32_t cicu_u_charName(int32_t c, char *buffer, int32_t capacity, int32_t *status) {
    return u_charName(c, U_UNICODE_CHAR_NAME, buffer, capacity, (UErrorCode *)status);
}

// MARK: - Plural rules

static inline void *cicu_uplrules_open(const char *locale, int32_t *status) {
    return uplrules_open(locale, (UErrorCode *)status);
}
static inline void cicu_uplrules_close(void *rules) { uplrules_close((UPluralRules *)rules); }
static inline int32_t cicu_uplrules_select(const void *rules, double number, UChar *keyword, int32_t capacity,
                                           int32_t *status) {
    return uplrules_select((const UPluralRules *)rules, number, keyword, capacity, (UErrorCode *)status);
}
// The keywords as one NUL-separated list in `buffer`; returns how many there are (or a negative
// count of the bytes needed when `capacity` is too small), so no UEnumeration crosses into Swift.
static inline int32_t cicu_uplrules_keywords(const void *rules, char *buffer, int32_t capacity, int32_t *status) {
    UEnumeration *keywords = uplrules_getKeywords((const UPluralRules *)rules, (UErrorCode *)status);
    if (U_FAILURE((UErrorCode)*status)) { return 0; }
    int32_t count = 0, used = 0, needed = 0;
    const char *keyword;
    int32_t length;
    while ((keyword = uenum_next(keywords, &length, (UErrorCode *)status)) != NULL) {
        needed += length + 1;
        if (needed <= capacity) {
            for (int32_t i = 0; i < length; i++) { buffer[used++] = keyword[i]; }
            buffer[used++] = 0;
        }
        count++;
    }
    uenum_close(keywords);
    return needed <= capacity ? count : -needed;
}

#endif
