// A villager pumps its share each round; the hoarder pumps its extra on top.
+round(R) : hoarder & extra(E) <- pump(2 + E).
+round(R) <- pump(2).
