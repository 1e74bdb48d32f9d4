package dev.handscope.app.osc;

import com.illposed.osc.OSCMessage;
import dev.handscope.engine.result.FrameResult;
import java.util.List;

/** One protocol's messages for a frame (HandScope's OSC address space, VMC), in the order they go out. */
public interface PacketEncoder {

    /** Short name, for messages and the settings panel. */
    String name();

    /**
     * @param frame   this output's number for the frame: every frame offered to the sender counts, so a
     *                gap tells a receiver that frames were skipped (rate limit) or dropped
     * @param seconds the frame's time since this output's first frame
     */
    List<OSCMessage> messages(FrameResult result, long frame, float seconds);

    /** Whether it reads the hands' meshes (then it must see results after the mesh stage). */
    default boolean readsMesh() {
        return false;
    }
}
