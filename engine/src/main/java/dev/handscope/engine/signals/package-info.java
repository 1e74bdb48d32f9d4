/**
 * Interaction signals per hand (pinch and grab strength, palm centre and normal, pointing ray, palm
 * velocity, time visible) computed from landmarks: plain geometry, no model.
 */
package dev.handscope.engine.signals;
