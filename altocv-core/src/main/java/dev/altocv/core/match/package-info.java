/**
 * Job matching and ranking: {@link dev.altocv.core.match.JobMatcher} scores how well a CV fits a posting the
 * way a recruiter judges it (skills shown in recent jobs, relevant years against the years asked, hard
 * requirements, education, fit of the work described) and explains every point; {@link
 * dev.altocv.core.match.CvIndex} and {@link dev.altocv.core.match.JobIndex} rank many CVs for a job or many
 * jobs for a CV through a Lucene index. Semantic similarity comes from an optional
 * {@link dev.altocv.core.embed.Embedder}; without one the match is lexical and the report says so.
 */
@NullMarked
package dev.altocv.core.match;

import org.jspecify.annotations.NullMarked;
