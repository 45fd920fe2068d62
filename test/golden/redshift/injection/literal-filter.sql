select 'it''s' as c1, 'back\\slash' as c2, '\\''; DROP TABLE x; --' as c3, '\\''''; DROP TABLE x; --' as c4, 'ends with a backslash\\' as c5, '\\\\' as c6, '''''' as c7, 'Zoë 🎧 ünïcødé 日本語' as c8, 'line
break' as c9, '-- not a comment' as c10, 'env\\''; DROP TABLE x; --' as env
