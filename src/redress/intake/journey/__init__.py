"""The public "Make a complaint" journey: its pages, forms and drafts."""
