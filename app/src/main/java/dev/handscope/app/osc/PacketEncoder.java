package dev.handscope.app.osc;

import com.illposed.osc.OSCMessage;
import dev.handscope.engine.result.FrameResult;
import java.util.List;

/** One protocol's messages for a frame (HandScope's OSC address space, VMC), in the order they go out. */
public interface PacketEncoder {

    /** Short name, for messages and the settings panel. */
    String name();

    List<OSCMessage> messages(FrameResult result);

    /** Whether it reads the hands' meshes (then it must see results after the mesh stage). */
    default boolean readsMesh() {
        return false;
    }
}
