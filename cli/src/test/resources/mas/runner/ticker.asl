!tick.
+!tick <- .wait(50); !tick.
