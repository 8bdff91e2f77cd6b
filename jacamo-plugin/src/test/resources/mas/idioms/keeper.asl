!stop.
+!stop <- .wait(800); .stopMAS.
