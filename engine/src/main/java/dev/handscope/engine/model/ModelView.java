package dev.handscope.engine.model;

/**
 * The exact input and outputs of one landmark model call.
 *
 * @param crop    the model's square RGB input (bytes)
 * @param side    its side in pixels
 * @param outputs the raw output tensors in the model's contract order
 */
public record ModelView(byte[] crop, int side, float[][] outputs) {
}
