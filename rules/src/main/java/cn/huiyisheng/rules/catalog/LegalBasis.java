package cn.huiyisheng.rules.catalog;

/** The text that orders a version: the document and the clause within it. */
public record LegalBasis(String document, String clause) {
}
