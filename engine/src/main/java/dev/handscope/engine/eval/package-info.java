/**
 * Scoring hand models against labelled data: datasets' hands in MediaPipe's joint order, the
 * papers' metrics (PCK, AUC, EPE, MPJPE, PA-MPJPE, handedness, recall) and the run that produces
 * them through the model seam. Plain Java: no runtime, no JSON, no UI.
 */
package dev.handscope.engine.eval;
