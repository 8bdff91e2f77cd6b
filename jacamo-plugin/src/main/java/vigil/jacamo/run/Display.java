package vigil.jacamo.run;

import java.awt.GraphicsEnvironment;

/** Why a project that opens a window did not start on a machine without a display, in the user's terms. */
public final class Display {

    private Display() {
    }

    /** A line to add to the reasons a MAS could not be created, or "" when they are not about a missing display. */
    public static String hint(String reasons) {
        if (!GraphicsEnvironment.isHeadless() || reasons == null) {
            return "";
        }
        if (!(reasons.contains("HeadlessException") || reasons.contains("X11") || reasons.contains("DISPLAY"))) {
            return "";
        }
        return System.lineSeparator() + "  the project opens a window (Swing/AWT) and this machine has no display: run it on a"
                + " desktop, or under a virtual display (the ./vigil script uses one by itself when Xvfb is installed:"
                + " apt-get install xvfb; or run xvfb-run -a ./vigil run ...)";
    }

    /** The message of a throwable and of its causes, on one line. */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            sb.append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                sb.append(" ").append(c.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
            }
        }
        return sb.toString();
    }
}
