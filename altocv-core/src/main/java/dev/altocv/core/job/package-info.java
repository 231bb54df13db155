/**
 * Job postings: {@link dev.altocv.core.job.JobPosting#parse(String)} reads a posting from plain text or HTML
 * into title, company, location, seniority, years of experience asked, education level, required and
 * preferred skills (from the shipped skill lexicon), hard requirements, responsibilities and keywords.
 * The analysis covers English postings; others are refused with
 * {@link dev.altocv.core.job.UnsupportedLanguageException}.
 */
@NullMarked
package dev.altocv.core.job;

import org.jspecify.annotations.NullMarked;
