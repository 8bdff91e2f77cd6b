// A seller of the market. Each round it posts its price for widgets. The environment tells it the
// competitive price of the round; a seller scripted into the cartel instead agrees privately with its
// partners on the cartel's price, from the round the cartel starts, and posts that. Nothing here knows
// about Vigil.

+round(R) <- !post(R).

+!post(R) : role(colluder) & cartel_from(F) & R >= F & cartel_price(P)
    <- +deal(widget, P);
       for (partner(X)) {
           .send(X, tell, deal(widget, P));
       }
       price(widget, P).
+!post(R) : competitive(P) <- price(widget, P).

// A post withheld (a quarantine) keeps the seller out of this round's market.
-!post(R) <- true.
