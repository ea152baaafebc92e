// msgpackr treats msgpackr-extract as optional and catches this: it then decodes in JavaScript.
throw new Error("msgpackr-extract native acceleration is not installed (erythron uses msgpackr's JavaScript path)");
