!register.
+!register <- .df_register("participant").
