// A fair fisher: takes 10 tonnes when the round opens.
+round(R) <- harvest(10).
